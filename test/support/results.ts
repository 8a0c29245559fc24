/**
 * What a cell may show, for the tests that call every function with random inputs: a finite
 * number, text, a logical value, or an error value (#VALUE! and #N/A with a message).
 */
import { expect } from "vitest";
import type { ErrorResult } from "./bundle";

function isErrorResult(value: unknown): value is ErrorResult {
  return (
    typeof value === "object" && value !== null && typeof (value as ErrorResult).error === "string"
  );
}

const EXCEL_ERRORS = ["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!"];

/** What a cell may show: a finite number, text, a logical value, or an error with its message. */
export function expectWellFormedCell(value: unknown, where: string): void {
  if (isErrorResult(value)) {
    expect(EXCEL_ERRORS, `${where}: ${JSON.stringify(value)}`).toContain(value.error);
    if (value.error === "#VALUE!" || value.error === "#N/A") {
      expect(
        typeof value.message === "string" && value.message.length > 0,
        `${where}: ${value.error} without a message`
      ).toBe(true);
    }
    return;
  }
  if (typeof value === "number") {
    expect(Number.isFinite(value), `${where}: ${value}`).toBe(true);
    return;
  }
  expect(["string", "boolean"], `${where}: ${JSON.stringify(value)}`).toContain(typeof value);
}

export function expectWellFormedResult(result: unknown, where: string): void {
  if (!Array.isArray(result)) {
    expectWellFormedCell(result, where);
    return;
  }
  expect(result.length, where).toBeGreaterThan(0);
  const width = (result[0] as unknown[]).length;
  for (const row of result as unknown[][]) {
    expect(Array.isArray(row) && row.length === width, `${where}: ragged spill`).toBe(true);
    row.forEach((value) => expectWellFormedCell(value, where));
  }
}
