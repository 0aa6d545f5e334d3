import { Rule } from '../../types';

export const KUBERNETES_RULES: readonly Rule[] = [];
