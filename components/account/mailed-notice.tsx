// "请查收邮件": what a reader sees after a form mailed them a link. Without a mail server (SMTP_URL unset,
// the embedded default) the message went to the server log instead, and the notice says so: the link
// itself is never shown on the page, or anyone could verify an address they do not own.
import type { ReactNode } from 'react';

export function MailedNotice({ to, toLog, children }: { to: string; toLog: boolean; children?: ReactNode }) {
  return (
    <div role="status" className="space-y-3 rounded-md border border-line bg-surface px-4 py-3 text-sm text-fg">
      <p className="font-semibold">请查收邮件</p>
      <p>
        我们已向 <strong className="break-all">{to}</strong>{' '}
        发送了一封邮件，请按邮件里的链接继续。几分钟内没有收到的话，看看垃圾邮件文件夹。
      </p>
      {children}
      {toLog ? (
        <p className="rounded border border-dashed border-line px-3 py-2 text-muted">
          本站还没有配置邮件服务器（SMTP_URL），邮件没有真正发出，而是写进了服务器的日志：运行 <code>npm start</code>{' '}
          的终端里能看到邮件全文和链接。
        </p>
      ) : null}
    </div>
  );
}
