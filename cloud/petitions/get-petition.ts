import { getPetition } from '../../types/petitions';
import { defineFunction } from '../core/define-function';
import { petitionDetailFor } from './lib/load-petition';

export default defineFunction(getPetition, async (input, { services, caller }) => petitionDetailFor(services, input.id, caller));
