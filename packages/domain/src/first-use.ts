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

/**
 * An asynchronous value made by its first caller and shared after (a client, a loaded module, a fetched key). A
 * failure is not kept: the next call tries again, so one import or network hiccup does not break a Lambda container.
 */
export function madeOnFirstUse<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    made ??= make().catch((error: unknown) => {
      made = undefined;
      throw error;
    });
    return made;
  };
}
