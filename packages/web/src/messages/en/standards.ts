/** Shared skill-level standards: the public pages (/standards) and the issuers' review page (/issuer/standards). */
export const standards = {
  'nav.standards': 'Skill standards',
  'nav.issuer.standards': 'Standards to review',
  'standards.title': 'Shared skill-level standards',
  'standards.lead':
    'What each national skill level requires for an occupation, agreed by accredited issuers of two provinces or more.',
  'standards.empty': 'No standard is published yet.',
  'standards.occupation': 'Occupation: {name}',
  'standards.version': 'version {version}',
  'standards.missing': 'There is no published standard at this address.',
  'standards.back': 'All standards',
  'standards.publishedBy': 'Version {version}, proposed by {proposer} and approved by {reviewer} on {date}.',
  'standards.levels': 'Levels, from the lowest',
  'standards.eqfAssumed': 'About EQF level {eqf} (the platform’s assumption)',
  'standards.eqfNote':
    'No official correspondence between China’s skill levels and the European Qualifications Framework exists; the EQF levels shown are the platform’s assumption.',
  'standards.proficiency.1': '(basic)',
  'standards.proficiency.2': '(intermediate)',
  'standards.proficiency.3': '(advanced)',
  'standards.proficiency.4': '(expert)',
  'issuer.templates.standard': 'Level of a shared skill-level standard (optional)',
  'issuer.templates.standard.hint':
    'The credential will show this level, and jobs asking for it or a lower level count it.',
  'issuer.templates.standard.none': 'None',
  'issuer.standards.title': 'Standards awaiting review',
  'issuer.standards.lead':
    'Review versions proposed by issuers of other provinces. You cannot review your own proposals or those of your province.',
  'issuer.standards.empty': 'Nothing awaits review.',
  'issuer.standards.version': '{title}, version {version}',
  'issuer.standards.proposed': 'Proposed by {proposer} ({province}) on {date}',
  'issuer.standards.reason': 'Reason (needed to reject)',
  'issuer.standards.approve': 'Approve and publish {title}',
  'issuer.standards.reject': 'Reject {title}',
  'issuer.standards.error.reason': 'Write why you reject it, for example which level asks too much.',
  'issuer.standards.done.approve': '{title} version {version} is published.',
  'issuer.standards.done.reject': '{title} version {version} is rejected; the reason is kept in its history.',
};
