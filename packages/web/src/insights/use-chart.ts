import { useEffect, useRef } from 'preact/hooks';

/** Draws a chart (ECharts, loaded on first use) into the element while the inputs stay the same. */
export function useChart(
  draw: (charts: typeof import('./charts.ts'), element: HTMLElement) => () => void,
  inputs: unknown[],
) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let dispose: (() => void) | undefined;
    let cancelled = false;
    void import('./charts.ts').then((charts) => {
      if (!cancelled && element.current) dispose = draw(charts, element.current);
    });
    return () => {
      cancelled = true;
      dispose?.();
    };
  }, inputs);
  return element;
}
