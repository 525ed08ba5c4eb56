import { useTranslation } from 'react-i18next';
import { setLang, UI_LANGS } from '../i18n';

/** Two buttons (VI / EN); the pressed one is the current language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {UI_LANGS.map((lang) => (
        <button
          key={lang}
          type="button"
          className="btn btn-small"
          data-testid={`lang-${lang}`}
          lang={lang}
          aria-pressed={i18n.language === lang}
          aria-label={t(`lang.${lang}`)}
          onClick={() => setLang(lang)}
        >
          {lang.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
