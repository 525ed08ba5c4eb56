// One i18next instance for the whole app. Vietnamese is the default; the English switch is kept in
// localStorage. Each feature registers its own strings from its folder with `registerStrings`
// (or i18n.addResourceBundle directly), so no one edits a shared locale file.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export type UiLang = 'vi' | 'en';
export const UI_LANGS: readonly UiLang[] = ['vi', 'en'];
const STORAGE_KEY = 'phonghop.lang';

function storedLang(): UiLang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

void i18n.use(initReactI18next).init({
  lng: storedLang(),
  fallbackLng: 'vi',
  supportedLngs: UI_LANGS,
  resources: { vi: { translation: {} }, en: { translation: {} } },
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  // No advertisement in a delegate's console.
  showSupportNotice: false,
});

function reflectLang(lang: string): void {
  document.documentElement.lang = lang;
}
reflectLang(i18n.language);
i18n.on('languageChanged', reflectLang);

export function currentLang(): UiLang {
  return i18n.language === 'en' ? 'en' : 'vi';
}

export function setLang(lang: UiLang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  void i18n.changeLanguage(lang);
}

type Strings = { [key: string]: string | Strings };

/** Adds a feature's strings for both languages (deep-merged, later calls win). */
export function registerStrings(bundles: Record<UiLang, Strings>): void {
  for (const lang of UI_LANGS)
    i18n.addResourceBundle(lang, 'translation', bundles[lang], true, true);
}

export { i18n };
