export const ROOT: string;
export const SOURCE_CONDITION: string;
export interface WorkspacePackage {
  name: string;
  dir: string;
  relDir: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a package.json
  pkg: any;
}
export interface ExportEntry {
  subpath: string;
  source: string;
  types?: string;
  default?: string;
  specifier: string;
}
export function workspacePackages(): WorkspacePackage[];
export function exportEntries(pkg: unknown): ExportEntry[];
export function existingSourceEntries(p: WorkspacePackage): string[];
export function externalNames(pkg: unknown): string[];
