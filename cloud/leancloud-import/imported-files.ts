import type { Services } from '../core/services';
import { storeUpload } from '../files/uploads';

/**
 * The one place the importer hands a file to Linli's file storage, so that it follows
 * wherever that storage goes. Photos are re-encoded like any upload (EXIF dropped); other
 * kinds of file are refused by it and end up in the report's failed files.
 */
export function storeImportedFile(services: Services, ownerId: string, bytes: Buffer): Promise<{ id: string }> {
  return storeUpload(services, ownerId, bytes);
}
