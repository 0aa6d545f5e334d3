import { Rule } from '../../types';

export const WORKFLOWS_RULES: readonly Rule[] = [];
