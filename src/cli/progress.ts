/** Below this many files linting is over before a bar would be worth reading. */
export const MIN_FILES_FOR_PROGRESS = 8;
const BAR_WIDTH = 20;

export interface Progress {
  /** `label`: the file being linted (relative), or what is happening. */
  update(done: number, total: number, label: string): void;
  /** Erases the bar so the report starts on a clean line. */
  clear(): void;
}

export const silentProgress: Progress = { update: () => undefined, clear: () => undefined };

/** A one-line bar redrawn in place: `[####------] 12/40 src/file.ts`. */
export function createProgress(stream: NodeJS.WriteStream): Progress {
  let drawn = false;
  return {
    update(done, total, label) {
      stream.write(`\r${renderProgressLine(done, total, label, stream.columns || 80)}\x1b[K`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

export function renderProgressLine(done: number, total: number, label: string, columns: number): string {
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
  const head = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total}`;
  const room = columns - head.length - 2;
  if (label === '' || room < 8) return head;
  const shown = label.length <= room ? label : `…${label.slice(label.length - room + 1)}`;
  return `${head} ${shown}`;
}
