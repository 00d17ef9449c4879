/**
 * Reads a QR code from the camera or an image: the browser's BarcodeDetector where it exists, else jsqr,
 * loaded only when someone scans.
 */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

export const cameraAvailable = (): boolean =>
  typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';

function nativeDetector(): BarcodeDetectorLike | null {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  return Detector ? new Detector({ formats: ['qr_code'] }) : null;
}

async function decodeFrame(source: HTMLVideoElement | ImageBitmap, canvas: HTMLCanvasElement): Promise<string | null> {
  const detector = nativeDetector();
  if (detector) {
    try {
      const [found] = await detector.detect(source);
      if (found) return found.rawValue;
    } catch {
      // fall through to jsqr
    }
  }
  const width = source instanceof HTMLVideoElement ? source.videoWidth : source.width;
  const height = source instanceof HTMLVideoElement ? source.videoHeight : source.height;
  if (!width || !height) return null;
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(source, 0, 0, width, height);
  const image = context.getImageData(0, 0, width, height);
  const { default: jsQR } = await import('jsqr');
  return jsQR(image.data, width, height)?.data ?? null;
}

export async function decodeImageFile(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    return await decodeFrame(bitmap, document.createElement('canvas'));
  } finally {
    bitmap.close();
  }
}

/** Starts the back camera in `video` and resolves with the first QR code read; stop() ends it early. */
export function scanCamera(video: HTMLVideoElement): { result: Promise<string>; stop: () => void } {
  let stopped = false;
  let stream: MediaStream | undefined;
  const stop = () => {
    stopped = true;
    for (const track of stream?.getTracks() ?? []) track.stop();
    video.srcObject = null;
  };
  const result = (async () => {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    if (stopped) {
      stop();
      throw new Error('stopped');
    }
    video.srcObject = stream;
    await video.play();
    const canvas = document.createElement('canvas');
    while (!stopped) {
      const text = await decodeFrame(video, canvas);
      if (text) {
        stop();
        return text;
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    throw new Error('stopped');
  })();
  return { result, stop };
}
