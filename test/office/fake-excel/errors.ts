/**
 * Errors shaped like OfficeExtension.Error: name, code, message, debugInfo.errorLocation.
 * The codes are Office's (https://learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes).
 */
export type FakeErrorCode =
  | 'PropertyNotLoaded'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'AccessDenied'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'InvalidObjectPath'
  | 'ApiNotFound'
  | 'InvalidSelection'
  | 'NotModelled';

export class FakeOfficeError extends Error {
  readonly code: FakeErrorCode;
  readonly debugInfo: { code: string; message: string; errorLocation: string };

  constructor(code: FakeErrorCode, message: string, errorLocation = '') {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(property: string, owner: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${owner}.${property}`,
  );
}
