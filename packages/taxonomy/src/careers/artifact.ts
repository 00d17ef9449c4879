/**
 * data/careers.json.gz, written by scripts/build-careers.ts from ESCO's skills pillar: the work-activity groups of
 * the skill hierarchy and, per occupation, how its essential skills spread over them.
 */
export const CAREERS_FILE = 'careers.json.gz';

export interface CareerArtifact {
  source: string;
  attribution: string;
  /** ESCO skill groups S1–S8 (level 1) and their level-2 groups: [code, uuid, English preferred label]. */
  groups: Array<[string, string, string]>;
  /** ISCO-08 groups, every level: code → English preferred label. */
  isco: Record<string, string>;
  /** The same groups' simplified-Chinese names, compiled from data/zh/isco-groups.tsv (written by hand). */
  iscoZh: Record<string, string>;
  /**
   * Per occupation uuid: [level-2 group index, share in thousandths] over the occupation's essential skills that
   * sit under S1–S8. Shares of one occupation sum to 1000 (rounding goes to the largest); absent when none do.
   */
  activityProfiles: Record<string, Array<[number, number]>>;
}
