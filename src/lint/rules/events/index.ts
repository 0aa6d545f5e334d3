import { Rule } from '../../types';

export const EVENTS_RULES: readonly Rule[] = [];
