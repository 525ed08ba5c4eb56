// Runs sandboxed before the page: exposes `window.phonghop` (the typed bridge) and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../../../shared/ipc/bridge';
import { createBridge } from './bridge-client';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createBridge(ipcRenderer));
