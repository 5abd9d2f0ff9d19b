import {
  BoldOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  PictureOutlined,
  UnderlineOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import Image from '@tiptap/extension-image';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button, Divider, Form, Input, Modal, Tooltip } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';

/**
 * The editor only offers what the host keeps (cloud/articles/sanitize.ts): paragraphs,
 * headings 2–4, bold, italic, underline, quotes, lists, links and https images. No code,
 * strike-through or colours, which the host would strip anyway, so what the admin sees
 * is what residents get.
 */
const extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    strike: false,
    horizontalRule: false,
    link: { openOnClick: false, autolink: true, protocols: ['http', 'https'], defaultProtocol: 'https' },
  }),
  Image.configure({ inline: false }),
];

/** An empty document is '<p></p>': the form treats it as nothing written. */
function htmlOf(editor: Editor): string {
  return editor.isEmpty ? '' : editor.getHTML();
}

export interface RichTextEditorProps {
  value?: string;
  onChange?: (html: string) => void;
  /** From Form.Item: the field has an error. */
  'aria-invalid'?: boolean;
  id?: string;
}

/** A rich-text field yielding HTML, for ProForm.Item (value/onChange). */
export function RichTextEditor({ value, onChange, id }: RichTextEditorProps) {
  const { status } = Form.Item.useStatus();
  const editor = useEditor({
    extensions,
    content: value ?? '',
    onUpdate: ({ editor: e }) => onChange?.(htmlOf(e)),
    editorProps: { attributes: { 'aria-label': '正文', ...(id ? { id } : {}) } },
  });

  // A value set from outside (the item loaded for editing) replaces the document.
  useEffect(() => {
    if (editor && value !== undefined && value !== htmlOf(editor)) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  return (
    <div className={`lc-editor${status === 'error' ? ' lc-editor--error' : ''}`}>
      {editor && <Toolbar editor={editor} />}
      <div className="lc-editor__content">
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      quote: e.isActive('blockquote'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      link: e.isActive('link'),
    }),
  });
  const [asking, setAsking] = useState<'link' | 'image' | null>(null);
  const [address, setAddress] = useState('');

  const tool = (title: string, on: boolean, run: () => void, icon: ReactNode) => (
    <Tooltip title={title} key={title}>
      <Button size="small" type={on ? 'primary' : 'text'} icon={icon} aria-label={title} aria-pressed={on} onMouseDown={(e) => e.preventDefault()} onClick={run} />
    </Tooltip>
  );
  const chain = () => editor.chain().focus();
  const valid = /^https:\/\//.test(address) || (asking === 'link' && /^http:\/\//.test(address));

  return (
    <div className="lc-editor__toolbar">
      {tool('大标题', active.h2, () => chain().toggleHeading({ level: 2 }).run(), <b>H2</b>)}
      {tool('小标题', active.h3, () => chain().toggleHeading({ level: 3 }).run(), <b>H3</b>)}
      <Divider type="vertical" />
      {tool('加粗', active.bold, () => chain().toggleBold().run(), <BoldOutlined />)}
      {tool('斜体', active.italic, () => chain().toggleItalic().run(), <ItalicOutlined />)}
      {tool('下划线', active.underline, () => chain().toggleUnderline().run(), <UnderlineOutlined />)}
      {tool('引用', active.quote, () => chain().toggleBlockquote().run(), <b>“”</b>)}
      <Divider type="vertical" />
      {tool('无序列表', active.bullet, () => chain().toggleBulletList().run(), <UnorderedListOutlined />)}
      {tool('有序列表', active.ordered, () => chain().toggleOrderedList().run(), <OrderedListOutlined />)}
      <Divider type="vertical" />
      {tool('链接', active.link, () => {
        setAddress((editor.getAttributes('link').href as string | undefined) ?? 'https://');
        setAsking('link');
      }, <LinkOutlined />)}
      {tool('图片（https 地址）', false, () => {
        setAddress('https://');
        setAsking('image');
      }, <PictureOutlined />)}
      <Modal
        open={asking !== null}
        title={asking === 'image' ? '插入图片' : '设置链接'}
        okText="确定"
        cancelText={asking === 'link' && active.link ? '移除链接' : '取消'}
        okButtonProps={{ disabled: !valid }}
        onOk={() => {
          if (asking === 'image') chain().setImage({ src: address }).run();
          else chain().extendMarkRange('link').setLink({ href: address }).run();
          setAsking(null);
        }}
        onCancel={() => {
          if (asking === 'link' && active.link) chain().extendMarkRange('link').unsetLink().run();
          setAsking(null);
        }}
        destroyOnClose
      >
        <Input value={address} onChange={(e) => setAddress(e.target.value)} placeholder="https://" autoFocus />
        <div style={{ marginTop: 8, color: '#8c8c8c' }}>
          {asking === 'image' ? '图片需为 https:// 开头的地址，居民端才能显示。' : '链接以 http:// 或 https:// 开头。'}
        </div>
      </Modal>
    </div>
  );
}
