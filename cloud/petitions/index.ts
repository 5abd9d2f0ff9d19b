/** 信访代办/诉求: the domain's functions, one file an action (cloud/functions.ts serves them all). */
export { default as acceptPetition } from './accept-petition';
export { default as assignPetition } from './assign-petition';
export { default as confirmPetition } from './confirm-petition';
export { default as declinePetition } from './decline-petition';
export { default as fileOnBehalf } from './file-on-behalf';
export { default as getPetition } from './get-petition';
export { default as myPetitions } from './my-petitions';
export { default as notePetition } from './note-petition';
export { default as overduePetitions } from './overdue-petitions';
export { default as petitionInbox } from './petition-inbox';
export { default as petitionRoster } from './petition-roster';
export { default as reopenPetition } from './reopen-petition';
export { default as resolvePetition } from './resolve-petition';
export { default as setPetitionRoster } from './set-petition-roster';
export { default as submitPetition } from './submit-petition';
export { default as transferPetition } from './transfer-petition';
