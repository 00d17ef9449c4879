/**
 * A value built by its first caller and shared after. Schemas are made this way rather than as
 * module-level constants: a process builds every module-level schema of the modules it imports, and
 * in a Lambda that is cold-start time (the API imports ~680 zod schemas; one request uses a handful).
 * The schema is the same instance on every call, so registering it (OpenAPI ids) works as usual.
 */
export function builtOnFirstUse<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}
