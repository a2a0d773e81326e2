// eslump ships no types; this is the one function the fuzz tests call.
declare module 'eslump' {
  export function generateRandomJS(options?: {
    sourceType?: 'module' | 'script';
    maxDepth?: number;
    comments?: boolean;
    whitespace?: boolean;
  }): string;
}
