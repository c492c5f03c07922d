/** One file of generated output, path relative to the output folder (POSIX separators). */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** Everything one generation produces, before anything touches the disk. */
export interface GeneratedEstate {
  readonly files: readonly GeneratedFile[];
  /** One-line notes for the user, e.g. "terraform not found: HCL left unformatted". */
  readonly notes: readonly string[];
}
