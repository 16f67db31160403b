import { READER_SETTINGS_SCRIPT } from '@/lib/reader/settings-script';

/** Applies the stored reader settings to <html> before first paint (see lib/reader/settings-script.ts). */
export function ReaderSettingsScript() {
  return <script dangerouslySetInnerHTML={{ __html: READER_SETTINGS_SCRIPT }} />;
}
