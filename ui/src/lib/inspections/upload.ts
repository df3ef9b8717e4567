import { ApiProblem, ServerUnreachable } from '$lib/api/problem';
import { contentTypeOf, percentOf, type Media } from './inspection';

/**
 * Sends a photo or video as the raw request body (no multipart) with upload progress, which fetch
 * cannot report: XMLHttpRequest can. Resolves with the stored media; rejects with an ApiProblem
 * (400 not an image, 413 too large, ...) or ServerUnreachable.
 */
export function uploadMedia(
  inspectionId: string,
  file: File,
  itemKey: string | null,
  onProgress: (percent: number) => void,
): Promise<Media> {
  const query = itemKey === null ? '' : `?itemKey=${encodeURIComponent(itemKey)}`;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/inspections/${inspectionId}/media${query}`);
    xhr.setRequestHeader('content-type', contentTypeOf(file));
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) =>
      onProgress(percentOf(event.loaded, event.lengthComputable ? event.total : 0));
    xhr.onerror = () => reject(new ServerUnreachable());
    xhr.onload = () => {
      const body = xhr.response as unknown;
      if (xhr.status === 201) {
        onProgress(100);
        resolve(body as Media);
        return;
      }
      const problem =
        typeof body === 'object' && body !== null && 'detail' in body
          ? (body as ConstructorParameters<typeof ApiProblem>[0])
          : {
              type: 'about:blank',
              title: 'Upload failed',
              status: xhr.status,
              detail:
                xhr.status === 413
                  ? 'The file is too large for the server.'
                  : `The server answered ${xhr.status}.`,
            };
      reject(new ApiProblem(problem));
    };
    xhr.send(file);
  });
}
