export { ACTIVITY_AREAS, ACTIVITY_INSTRUMENT, type ActivityAnswers, activityPreference } from './activities.ts';
export * from './guide.ts';
export { type OccupationProfiles, type Profile, type RankedOccupation, rankOccupations } from './ranking.ts';
