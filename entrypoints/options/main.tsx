import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '../../components/workspace/OptionsApp';
import { locale } from '../../utils/i18n';
import '../../components/ui/base.css';

document.documentElement.lang = locale();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsApp />
  </StrictMode>,
);
