/**
 * Errors shaped like OfficeExtension.Error: name, code, message, debugInfo.errorLocation.
 * Codes are only those Excel itself uses, as Microsoft names them: Excel.ErrorCodes and
 * OfficeExtension.ErrorCodes in the reference (the `${Excel.ErrorCodes}` type below comes from
 * @types/office-js), and the list on
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 * (which adds BadPassword and RequestPayloadSizeLimitExceeded).
 *
 * One code is the fake's own: NotModelled, thrown where the fake does not know what Excel would
 * do. A test never asserts it as Excel's behaviour; it means "extend the fake, with a source".
 */
export type FakeErrorCode =
  | `${Excel.ErrorCodes}`
  | 'PropertyNotLoaded'
  | 'InvalidObjectPath'
  | 'BadPassword'
  | 'RequestPayloadSizeLimitExceeded'
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

/** The message Office.js gives for a property read before load + sync (application-specific API model). */
export function propertyNotLoaded(property: string, owner: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${owner}.${property}`,
  );
}
