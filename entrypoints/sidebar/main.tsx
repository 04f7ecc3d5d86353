import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import { locale } from '../../utils/i18n';
import '../../components/ui/base.css';

document.documentElement.lang = locale();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SidebarApp search={location.search} />
  </StrictMode>,
);
