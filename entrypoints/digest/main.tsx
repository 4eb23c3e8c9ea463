import '../../components/styles.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { DigestPage } from '../../components/DigestPage';
import { callBackground, type BackgroundRequest } from '../../utils/messaging';

const send = (m: BackgroundRequest) => browser.runtime.sendMessage(m);
const load = async () => {
  const all = await callBackground(send, { type: 'annotations/all' });
  return all.annotations.map((annotation) => ({ annotation, hidden: all.hidden[annotation.id] ?? null }));
};

render(<DigestPage load={load} />, document.getElementById('app')!);
