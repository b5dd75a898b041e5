import type { Errors } from '../../lib/form';
import type { EnrolValues } from './enrol-form';

/** The enrolment form as its sections receive it. */
export type EnrolForm = {
  values: EnrolValues;
  set: <K extends keyof EnrolValues>(name: K) => (value: EnrolValues[K]) => void;
  errors: Errors;
};
