/**
 * The insight charts, on Apache ECharts with only the parts they use (bar and line series, a grid, tooltips, a
 * legend, the SVG renderer): this module is imported lazily by the pages that draw charts, so no other page
 * downloads it. Each chart is decoration over a table that carries the same figures (the accessible alternative).
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif';
const INK = '#1b1f2a';
const BRAND = '#0b5cad';
const OK = '#11613a';

/** Draws into `element` and keeps the chart sized to it; returns what removes it. */
function draw(element: HTMLElement, option: echarts.EChartsCoreOption): () => void {
  const chart = echarts.init(element, undefined, { renderer: 'svg' });
  chart.setOption({ textStyle: { fontFamily: FONT, color: INK }, animation: false, ...option });
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(element);
  return () => {
    observer.disconnect();
    chart.dispose();
  };
}

/** Horizontal bars, the largest at the top: ranked skills by shortage index. */
export function drawRankedBars(element: HTMLElement, labels: readonly string[], values: readonly number[]): () => void {
  return draw(element, {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 0.1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [...labels],
      axisLabel: { width: 130, overflow: 'truncate' },
    },
    series: [{ type: 'bar', data: [...values], itemStyle: { color: BRAND }, label: { show: true, position: 'right' } }],
  });
}

/** Lines over weeks; a `null` point (a suppressed figure) is a gap, not a zero. */
export function drawWeeklyLines(
  element: HTMLElement,
  weeks: readonly string[],
  series: ReadonlyArray<{ name: string; values: ReadonlyArray<number | null> }>,
): () => void {
  const colours = [BRAND, OK];
  return draw(element, {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { fontFamily: FONT } },
    xAxis: { type: 'category', data: weeks.map((w) => w.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s, i) => ({
      type: 'line',
      name: s.name,
      data: [...s.values],
      connectNulls: false,
      itemStyle: { color: colours[i % colours.length] },
    })),
  });
}

/** Bars side by side per category (a fair's provinces or sectors), one colour per series, with a legend. */
export function drawGroupedBars(
  element: HTMLElement,
  categories: readonly string[],
  series: ReadonlyArray<{ name: string; values: readonly number[] }>,
): () => void {
  const colours = [BRAND, OK, '#8a4b00', '#6b2c91'];
  return draw(element, {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: { fontFamily: FONT } },
    xAxis: { type: 'category', data: [...categories], axisLabel: { interval: 0, width: 90, overflow: 'truncate' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s, i) => ({
      type: 'bar',
      name: s.name,
      data: [...s.values],
      itemStyle: { color: colours[i % colours.length] },
    })),
  });
}
