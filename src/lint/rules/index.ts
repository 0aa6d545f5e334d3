import { Rule } from '../types';
import { EVENTS_RULES } from './events';
import { KUBERNETES_RULES } from './kubernetes';
import { WORKFLOWS_RULES } from './workflows';

/** Every semantic rule, in id order within each group. */
export const ALL_RULES: readonly Rule[] = [...KUBERNETES_RULES, ...WORKFLOWS_RULES, ...EVENTS_RULES];
