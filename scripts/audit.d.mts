// Types of audit.mjs, for its tests.
export interface AuditRun {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: (Error & { code?: string }) | undefined;
}

export interface AuditVerdict {
  verdict: "clean" | "pass" | "fail" | "unchecked" | "error";
  exitCode: number;
  summary: string;
  lines: string[];
}

export declare function judgeAudit(
  run: AuditRun,
  options?: { requireRegistry?: boolean; installed?: (name: string) => string | undefined }
): AuditVerdict;

export declare function lockfileVersions(lockfile?: string): (name: string) => string | undefined;
