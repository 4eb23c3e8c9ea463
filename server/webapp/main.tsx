import './styles.css';
import { render } from 'preact';
import { createWebApi } from './api';
import { App } from './App';

// The entry point only wires: the store's API (same origin, session cookie) into the app.
const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App api={createWebApi()} />, root);
}
