import { READING_SETTINGS_SCRIPT } from '@/lib/reading/settings-script';

/** Applies the stored reader settings to <html> before first paint (see lib/reading/settings-script.ts). */
export function ReadingSettingsScript() {
  return <script dangerouslySetInnerHTML={{ __html: READING_SETTINGS_SCRIPT }} />;
}
