// The one line a caught value says about itself (errors thrown by libraries are not always Errors).
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
