import 'server-only';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';

// Raw messages are read into SharedArrayBuffer slabs so the parse workers (parse-pool.ts) read
// them in place: posting a private Uint8Array structured-clones it, copied into the message on the
// main thread and out of it on the worker, which cost the main thread ~0.6 s per 100 MB corpus
// (fresh pages on this VM cost more than the copy itself). Everything else reads the views as
// ordinary Uint8Arrays.

const SLAB_BYTES = 16 << 20;

/** A file reader that places files back to back in shared slabs; large files get their own. */
export function createSharedReader(): (file: string) => Uint8Array {
  let slab = new SharedArrayBuffer(0);
  let used = 0;
  const take = (size: number) => {
    if (size > SLAB_BYTES / 4) return new Uint8Array(new SharedArrayBuffer(size));
    if (used + size > slab.byteLength) [slab, used] = [new SharedArrayBuffer(SLAB_BYTES), 0];
    used += size;
    return new Uint8Array(slab, used - size, size);
  };
  return (file) => {
    const fd = openSync(file, 'r');
    try {
      const stat = fstatSync(fd);
      // Pipes and devices have no size up front: read them the ordinary way.
      if (!stat.isFile()) return readFileSync(fd);
      // Like readFileSync, reads the size fstat reported (a file growing meanwhile is cut there).
      const view = take(stat.size);
      let read = 0;
      while (read < view.byteLength) {
        const n = readSync(fd, view, read, view.byteLength - read, read);
        if (n === 0) break;
        read += n;
      }
      return view.subarray(0, read);
    } finally {
      closeSync(fd);
    }
  };
}
