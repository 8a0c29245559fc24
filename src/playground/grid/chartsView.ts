/** The charts the task pane placed on the active sheet, drawn over its cells. */
import type { Spreadsheet } from "../model/spreadsheet";
import type { PlacedChart } from "../../workbook/inBrowserWorkbook";
import { chartData, drawChart } from "../chart";
import { formatValue } from "../format";
import type { Make } from "./dom";
import type { Geometry } from "./geometry";

export function renderCharts(
  layer: HTMLElement,
  make: Make,
  workbook: Spreadsheet,
  geometry: Geometry
): void {
  const doc = layer.ownerDocument;
  const charts = workbook.chartsOn(workbook.activeSheet);
  layer.replaceChildren(
    ...charts.map((chart) => {
      const frame = make("div", "grid-chart");
      const left = geometry.cellLeft(chart.topLeft.column);
      const top = geometry.cellTop(chart.topLeft.row);
      const width = Math.max(120, geometry.cellLeft(chart.bottomRight.column + 1) - left);
      const height = Math.max(90, geometry.cellTop(chart.bottomRight.row + 1) - top);
      Object.assign(frame.style, {
        left: `${left}px`,
        top: `${top}px`,
        width: `${width}px`,
        height: `${height}px`,
      });
      frame.dataset["kind"] = chart.drawn;
      const data = chartData(
        workbook.values(chart.source),
        chart.hideFirstSeries ? "columns" : chart.request.seriesBy
      );
      frame.append(
        drawChart(doc, chart.drawn, data, {
          title: chart.request.title,
          width: width - 2,
          height: height - 2,
          hideFirstSeries: chart.hideFirstSeries,
          ...(chart.request.seriesColors === undefined
            ? {}
            : { seriesColors: chart.request.seriesColors }),
          formatTick: tickFormat(workbook, chart),
        })
      );
      return frame;
    })
  );
}

/** Ticks in the number format of the chart's first value, as Excel links an axis to its source. */
function tickFormat(
  workbook: Spreadsheet,
  chart: PlacedChart
): ((value: number) => string) | undefined {
  const { sheet, row, column } = chart.source;
  const format = workbook.numberFormatAt(sheet, row + 1, column + 1);
  if (format === null || format === "General") return undefined;
  return (value) => formatValue(value, format);
}
