import { contactChannel } from './contactChannel';

describe('contactChannel', () => {
  it('turns an e-mail address into an email channel and a URL into a web channel', () => {
    expect(contactChannel(' sales-data@example.com ')).toEqual({
      channel: 'email',
      tool: 'email',
      url: 'mailto:sales-data@example.com',
    });
    expect(contactChannel('https://chat.example.com/c/sales')).toEqual({
      channel: 'web',
      url: 'https://chat.example.com/c/sales',
    });
  });

  it('gives no channel for a name, a handle or a missing value', () => {
    expect(contactChannel('Sales Analytics')).toBeUndefined();
    expect(contactChannel('#sales-data')).toBeUndefined();
    expect(contactChannel('someone@')).toBeUndefined();
    expect(contactChannel(null)).toBeUndefined();
  });
});
