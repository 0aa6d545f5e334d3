import { ApiObject } from 'cdk8s';
import { describeObject } from '../lint/engine';

/**
 * `Kind/name` of an API object as findings print it (`Kind/prefix*` when it is named by
 * `generateName`), read from its metadata without serializing the object.
 */
export function objectLabel(apiObject: ApiObject): string {
  return describeObject({ kind: apiObject.kind, metadata: apiObject.metadata.toJson() });
}
