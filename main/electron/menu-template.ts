// The application menu in Vietnamese or English, with keyboard shortcuts. Built as plain data so
// tests can check labels and accelerators without Electron.
import type { MenuItemConstructorOptions } from 'electron';

export type MenuAction =
  | 'host-room'
  | 'join-room'
  | 'leave-room'
  | 'open-data-folder'
  | 'print'
  | 'search'
  | 'fit-width'
  | 'next-page'
  | 'previous-page'
  | 'lang-vi'
  | 'lang-en'
  | 'about';

const labels = {
  vi: {
    file: 'Tệp',
    hostRoom: 'Làm máy chủ phòng họp này',
    joinRoom: 'Tham gia phòng họp…',
    leaveRoom: 'Rời phòng họp',
    openData: 'Mở thư mục dữ liệu',
    print: 'In…',
    quit: 'Thoát',
    edit: 'Sửa',
    undo: 'Hoàn tác',
    redo: 'Làm lại',
    cut: 'Cắt',
    copy: 'Sao chép',
    paste: 'Dán',
    selectAll: 'Chọn tất cả',
    find: 'Tìm kiếm',
    view: 'Xem',
    reload: 'Tải lại',
    fitWidth: 'Vừa chiều rộng',
    nextPage: 'Trang sau',
    previousPage: 'Trang trước',
    zoomIn: 'Phóng to',
    zoomOut: 'Thu nhỏ',
    resetZoom: 'Cỡ thật',
    fullScreen: 'Toàn màn hình',
    language: 'Ngôn ngữ',
    help: 'Trợ giúp',
    about: 'Giới thiệu',
  },
  en: {
    file: 'File',
    hostRoom: 'Host this room',
    joinRoom: 'Join a room…',
    leaveRoom: 'Leave the room',
    openData: 'Open the data folder',
    print: 'Print…',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    find: 'Search',
    view: 'View',
    reload: 'Reload',
    fitWidth: 'Fit width',
    nextPage: 'Next page',
    previousPage: 'Previous page',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    resetZoom: 'Actual size',
    fullScreen: 'Full screen',
    language: 'Language',
    help: 'Help',
    about: 'About',
  },
} as const;

export function menuTemplate(
  lang: 'vi' | 'en',
  run: (action: MenuAction) => void,
  opts: { mac?: boolean; dev?: boolean } = {},
): MenuItemConstructorOptions[] {
  const l = labels[lang];
  const item = (
    label: string,
    action: MenuAction,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    label,
    click: () => run(action),
    ...(accelerator ? { accelerator } : {}),
  });
  return [
    {
      label: l.file,
      submenu: [
        item(l.hostRoom, 'host-room'),
        item(l.joinRoom, 'join-room', 'CmdOrCtrl+J'),
        item(l.leaveRoom, 'leave-room'),
        { type: 'separator' },
        item(l.print, 'print', 'CmdOrCtrl+P'),
        item(l.openData, 'open-data-folder'),
        { type: 'separator' },
        { label: l.quit, role: 'quit', accelerator: opts.mac ? 'Cmd+Q' : 'Ctrl+Q' },
      ],
    },
    {
      label: l.edit,
      submenu: [
        { label: l.undo, role: 'undo', accelerator: 'CmdOrCtrl+Z' },
        { label: l.redo, role: 'redo', accelerator: 'CmdOrCtrl+Shift+Z' },
        { type: 'separator' },
        { label: l.cut, role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { label: l.copy, role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { label: l.paste, role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { label: l.selectAll, role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
        { type: 'separator' },
        item(l.find, 'search', 'CmdOrCtrl+F'),
      ],
    },
    {
      label: l.view,
      submenu: [
        item(l.fitWidth, 'fit-width', 'CmdOrCtrl+0'),
        item(l.nextPage, 'next-page', 'PageDown'),
        item(l.previousPage, 'previous-page', 'PageUp'),
        { type: 'separator' },
        { label: l.zoomIn, role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { label: l.zoomOut, role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        { label: l.resetZoom, role: 'resetZoom', accelerator: 'CmdOrCtrl+Shift+0' },
        { label: l.fullScreen, role: 'togglefullscreen', accelerator: 'F11' },
        ...(opts.dev
          ? ([
              { type: 'separator' },
              { label: l.reload, role: 'reload', accelerator: 'CmdOrCtrl+R' },
            ] as MenuItemConstructorOptions[])
          : []),
      ],
    },
    {
      label: l.language,
      submenu: [
        { label: 'Tiếng Việt', type: 'radio', checked: lang === 'vi', click: () => run('lang-vi') },
        { label: 'English', type: 'radio', checked: lang === 'en', click: () => run('lang-en') },
      ],
    },
    { label: l.help, submenu: [item(l.about, 'about', 'F1')] },
  ];
}
