/**
 * The Delta's priority sectors for Chinese coverage, as ISCO-08 group prefixes of ESCO occupations.
 * Used to choose which skills and occupations get Chinese labels first (scripts/zh-worklist.ts) and to
 * name the file a label is kept in (data/zh/skills-<sector>.tsv, data/zh/occupations-<sector>.tsv).
 */
export const SECTORS = {
  welding: ['7212', '7213', '7214', '7215'],
  cnc: ['7221', '7222', '7223', '7224', '8211', '8121', '8122', '8114'],
  electrical: ['2151', '2152', '2153', '3113', '3114', '7411', '7412', '7413', '7421', '7422', '8212'],
  automotive: ['7231', '7232', '7233', '7234', '8322', '8331', '8332', '3115', '2144'],
  manufacturing: ['214', '311', '313', '3122', '7', '81', '82', '932', '1321'],
  ecommerce: ['1221', '1222', '1420', '2431', '2432', '2433', '2434', '332', '3339', '522', '523', '524', '5230'],
  logistics: ['1324', '3331', '4321', '4322', '4323', '8341', '8344', '833', '9321', '9329', '9333', '9334'],
  construction: ['71', '2142', '2161', '2164', '2165', '3112', '3123', '1323', '8342', '8343', '931'],
  healthcare: ['22', '32', '5321', '5322', '1342', '1343', '2634', '2635', '3412'],
  education: ['2341', '2342', '2351', '2352', '2359', '5311', '5312', '1345'],
  hospitality: ['1411', '1412', '1431', '3434', '4221', '4224', '4229', '51', '94', '9112'],
  finance: ['1211', '1346', '241', '331', '3341', '4211', '4212', '4213', '4214', '431'],
  software: ['25', '35', '1330', '2120', '2166'],
} as const;

export type Sector = keyof typeof SECTORS;
export const SECTOR_NAMES = Object.keys(SECTORS) as Sector[];

/** The sector of an ISCO group: the most specific prefix that matches wins (7212 is welding, not manufacturing). */
export function sectorOfIsco(iscoGroup: string): Sector | undefined {
  let best: { sector: Sector; length: number } | undefined;
  for (const sector of SECTOR_NAMES)
    for (const prefix of SECTORS[sector])
      if (iscoGroup.startsWith(prefix) && (!best || prefix.length > best.length))
        best = { sector, length: prefix.length };
  return best?.sector;
}

/**
 * Core vocational occupations of the Delta's job ads (ESCO preferred labels): every essential skill of these gets a
 * Chinese label whatever its overall frequency (an occupation-specific skill such as *lay bricks* is rare across
 * ESCO's profiles but is the first word a bricklayer's ad uses). scripts/zh-worklist.ts puts them first.
 */
export const CORE_OCCUPATIONS: readonly string[] = [
  'welder',
  'electrician',
  'domestic electrician',
  'industrial electrician',
  'computer numerical control machine operator',
  'lathe and turning machine operator',
  'metalworking lathe operator',
  'milling machine operator',
  'forklift operator',
  'warehouse worker',
  'cashier',
  'shop assistant',
  'sales assistant',
  'cook',
  'chef',
  'kitchen assistant',
  'waiter/waitress',
  'hospitality establishment receptionist',
  'building cleaner',
  'bricklayer',
  'plumber',
  'carpenter',
  'construction painter',
  'plasterer',
  'concrete finisher',
  'roofer',
  'tile fitter',
  'vehicle technician',
  'automotive battery technician',
  'automotive electrician',
  'injection moulding operator',
  'stamping press operator',
  'electrical equipment assembler',
  'electronic equipment assembler',
  'surface-mount technology machine operator',
  'product quality inspector',
  'nurse responsible for general care',
  'nurse assistant',
  'healthcare assistant',
  'care at home worker',
  'residential home older adult care worker',
  'child care worker',
  'early years teacher',
  'early years teaching assistant',
  'accounting assistant',
  'bookkeeper',
  'accountant',
  'bank teller',
  'software developer',
  'web developer',
  'data analyst',
  'software tester',
  'ICT network technician',
  'car and van delivery driver',
  'cargo vehicle driver',
  'hairdresser',
  'beauty salon attendant',
  'masseur/masseuse',
  'pharmacy assistant',
  'online marketer',
  'import export specialist',
  'industrial robot controller',
  'mechatronics assembler',
  'industrial machinery mechanic',
  'motor vehicle assembler',
  'sheet metal worker',
  'tool and die maker',
  'electrical mechanic',
  'security guard',
  'hand packer',
  'purchaser',
  'baker',
  'bartender',
  'housekeeping supervisor',
  'domestic housekeeper',
  'call centre agent',
  'customer service representative',
  'receptionist',
  'medical laboratory assistant',
  'pharmacy technician',
  'social care worker',
  'maternity support worker',
  'home care aide',
  'excavator operator',
  'tower crane operator',
  'mobile crane operator',
  'welding coordinator',
  'solderer',
  'bicycle courier',
  'motorcycle delivery person',
  'taxi driver',
  'bus driver',
  'online sales channel manager',
  'digital marketing manager',
  'graphic designer',
  'ICT help desk agent',
  'administrative assistant',
  'office clerk',
  'human resources officer',
  'payroll clerk',
  'tax compliance officer',
  'real estate agent',
];
