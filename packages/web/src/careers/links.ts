const OCCUPATION_PREFIX = 'http://data.europa.eu/esco/occupation/';

/** A career page's path: the ESCO occupation's id after /careers/. */
export const careerPath = (occupationUri: string): string =>
  `/careers/${occupationUri.slice(OCCUPATION_PREFIX.length)}`;
export const occupationUriOf = (id: string): string => OCCUPATION_PREFIX + id;
