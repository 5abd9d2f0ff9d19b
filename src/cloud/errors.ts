// The one SDK-error mapping lives with the error codes, shared with the console.
export { NETWORK_MESSAGE, toAppError } from '../../types/errors';
