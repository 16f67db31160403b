// Sets <html data-theme> before first paint so a stored or system dark theme never flashes light.
export const THEME_STORAGE_KEY = 'hutong-theme';

const script = `(function(){try{var p=localStorage.getItem('${THEME_STORAGE_KEY}');if(p!=='light'&&p!=='dark')p='system';var d=p==='system'?(matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'):p;var e=document.documentElement;e.dataset.theme=d;e.dataset.themePref=p;}catch(_){}})();`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
