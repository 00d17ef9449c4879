import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';

/** A picture as rows of dark (true) and light pixels, e.g. a QR code read off the canvas a page drew it on. */
export interface Matrix {
  width: number;
  height: number;
  dark: boolean[];
}

/** The pixels of a canvas as the page drew them: dark where opaque and dark (lean-qr leaves light modules transparent). */
export function canvasMatrix(canvas: Locator): Promise<Matrix> {
  return canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const pixels = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    const dark = Array.from({ length: c.width * c.height }, (_, i) => {
      const [r = 255, alpha = 0] = [pixels[i * 4], pixels[i * 4 + 3]];
      return alpha > 127 && r < 128;
    });
    return { width: c.width, height: c.height, dark };
  });
}

/**
 * One frame of YUV4MPEG2 (4:2:0, full range) showing `matrix` scaled up and centred on white, with a wide white quiet
 * zone: what Chromium's fake camera plays (in a loop) with `--use-file-for-fake-video-capture`.
 */
export function y4mOf(matrix: Matrix, size = 320): Buffer {
  const scale = Math.floor((size * 0.8) / Math.max(matrix.width, matrix.height));
  const left = Math.floor((size - matrix.width * scale) / 2);
  const top = Math.floor((size - matrix.height * scale) / 2);
  const luma = Buffer.alloc(size * size, 255);
  for (let y = 0; y < matrix.height * scale; y++)
    for (let x = 0; x < matrix.width * scale; x++)
      if (matrix.dark[Math.floor(y / scale) * matrix.width + Math.floor(x / scale)])
        luma[(top + y) * size + left + x] = 0;
  // Grey: no colour at all in either chroma plane.
  const chroma = Buffer.alloc((size / 2) * (size / 2) * 2, 128);
  return Buffer.concat([
    Buffer.from(`YUV4MPEG2 W${size} H${size} F10:1 Ip A1:1 C420jpeg\nFRAME\n`, 'ascii'),
    luma,
    chroma,
  ]);
}

/** Writes the video into `dir` and returns the Chromium switches that make it the (already allowed) camera. */
export function fakeCameraArgs(dir: string, matrix: Matrix): string[] {
  const file = join(dir, 'camera.y4m');
  writeFileSync(file, y4mOf(matrix));
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${file}`,
  ];
}
