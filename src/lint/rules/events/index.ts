import { Rule } from '../../types';
import { ARGO_TRIGGER_RESOURCE } from './argo-trigger-resource';
import { E10_TRIGGER_CONDITIONS } from './e10-trigger-conditions';
import { E11_UNIQUE_EVENT_NAMES } from './e11-unique-event-names';
import { E12_UPDATE_STRATEGY } from './e12-update-strategy';
import { E13_WEBHOOK } from './e13-webhook';
import { E14_SOURCE_REQUIREMENTS } from './e14-source-requirements';
import { E15_EVENT_BUS } from './e15-event-bus';
import { E15_EVENT_BUS_REFERENCES } from './e15-event-bus-references';
import { E2_DEPENDENCIES } from './e2-dependencies';
import { E2_DEPENDENCY_EVENT_SOURCES } from './e2-dependency-event-sources';
import { E3_DEPENDENCY_FILTERS } from './e3-dependency-filters';
import { E4_TRIGGERS } from './e4-triggers';
import { E5_ARGO_WORKFLOW_TRIGGER } from './e5-argo-workflow-trigger';
import { E6_K8S_TRIGGER } from './e6-k8s-trigger';
import { E7_TRIGGER_TARGETS } from './e7-trigger-targets';
import { E8_TRIGGER_PARAMETERS } from './e8-trigger-parameters';
import { E9_DLQ_TRIGGER } from './e9-dlq-trigger';

/** Argo Events rules E2-E15 (rule catalogue, "Argo Events"), in id order, then ARGO-TRIGGER-RESOURCE. */
export const EVENTS_RULES: readonly Rule[] = [
  E2_DEPENDENCIES,
  E2_DEPENDENCY_EVENT_SOURCES,
  E3_DEPENDENCY_FILTERS,
  E4_TRIGGERS,
  E5_ARGO_WORKFLOW_TRIGGER,
  E6_K8S_TRIGGER,
  E7_TRIGGER_TARGETS,
  E8_TRIGGER_PARAMETERS,
  E9_DLQ_TRIGGER,
  E10_TRIGGER_CONDITIONS,
  E11_UNIQUE_EVENT_NAMES,
  E12_UPDATE_STRATEGY,
  E13_WEBHOOK,
  E14_SOURCE_REQUIREMENTS,
  E15_EVENT_BUS,
  E15_EVENT_BUS_REFERENCES,
  ARGO_TRIGGER_RESOURCE,
];

/** Ids of the Argo Events rules. */
export const EVENTS_RULE_IDS: readonly string[] = [...new Set(EVENTS_RULES.map(rule => rule.id))];
