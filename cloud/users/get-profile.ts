import { getProfile } from '../../types/users';
import { defineFunction } from '../core/define-function';
import { loadProfile } from './profile';

export default defineFunction(getProfile, async (_input, { services, caller }) => loadProfile(services, caller.id));
