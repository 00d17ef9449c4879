/** A catalogue in another language: the same keys as the English one, any text. */
export type Translation<T> = { readonly [K in keyof T]: string };
