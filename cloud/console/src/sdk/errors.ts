// The one SDK-error mapping lives with the error codes, shared with the mini-program.
export { NETWORK_MESSAGE, toAppError } from '../../../../types/errors';
