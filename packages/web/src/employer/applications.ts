import type { components } from '../api/schema.d.ts';

export type EmployerApplication = components['schemas']['EmployerApplication'];
export type ApplicationStatus = EmployerApplication['status'];

/** The board's columns, in the order an application moves along, final states last. */
export const BOARD_COLUMNS: readonly ApplicationStatus[] = [
  'submitted',
  'viewed',
  'interview',
  'offer',
  'hired',
  'rejected',
  'withdrawn',
];

export const isErased = (application: EmployerApplication): application is components['schemas']['ErasedApplication'] =>
  'applicantErased' in application;
