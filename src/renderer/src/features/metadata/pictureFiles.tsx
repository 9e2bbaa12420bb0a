/**
 * Reading a picture file for `pictures.add`: its bytes as base64, and a thumbnail about 320 px
 * wide drawn on a canvas (WebP, or JPEG where the platform cannot write WebP). A file that does
 * not decode gets no thumbnail: main then refuses it with its own message.
 */
import { useEffect, useState } from 'react';
import { call } from '../../lib/index.ts';

export const THUMBNAIL_SIDE = 320;

function dataUrlPayload(url: string): string {
  return url.slice(url.indexOf(',') + 1);
}

export function fileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(dataUrlPayload(String(reader.result)));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

export async function thumbnailOf(file: Blob): Promise<string | undefined> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return undefined;
  }
  const scale = Math.min(1, THUMBNAIL_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  let url = canvas.toDataURL('image/webp', 0.82);
  if (!url.startsWith('data:image/webp')) url = canvas.toDataURL('image/jpeg', 0.85);
  return dataUrlPayload(url);
}

/** Thumbnails already fetched, by SHA-256: the list and the panel show the same ones. */
const thumbnails = new Map<string, Promise<string>>();

export function thumbnailUrl(sha256: string): Promise<string> {
  let url = thumbnails.get(sha256);
  if (!url) {
    url = call('pictures.thumbnail', { sha256 }).then((r) => r.url);
    url.catch(() => thumbnails.delete(sha256));
    thumbnails.set(sha256, url);
  }
  return url;
}

/** A picture's thumbnail as a data: URL, or null until it arrives (or when it cannot). */
export function useThumbnail(sha256: string | null): string | null {
  const [url, setUrl] = useState<{ sha: string; url: string } | null>(null);
  useEffect(() => {
    if (!sha256) return undefined;
    let live = true;
    thumbnailUrl(sha256).then(
      (u) => live && setUrl({ sha: sha256, url: u }),
      () => undefined
    );
    return () => {
      live = false;
    };
  }, [sha256]);
  return url && url.sha === sha256 ? url.url : null;
}

/** A small picture for lists: the lead picture's thumbnail, decorative (the headline names the story). */
export function PictureThumb({ sha256, className }: { sha256: string; className?: string }) {
  const url = useThumbnail(sha256);
  return url ? <img className={className} src={url} alt="" /> : <span className={className} aria-hidden="true" />;
}
