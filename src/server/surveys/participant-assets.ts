// The participant page's only style sheet and script, served by the server itself (no build step,
// no framework): a phone on a slow connection loads a few kilobytes. The page works without the
// script as one short form; the script shows one question at a time with progress, keeps the
// answers in the phone's storage until they are sent, and sends them without losing the page
// when the connection drops.

export const surveyCss = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans Ethiopic",sans-serif;font-size:112.5%;line-height:1.5;color:#1a1a1a;background:#fff}
body{margin:0}
header,main{max-width:40rem;margin:0 auto;padding:0 1rem}
header{display:flex;justify-content:space-between;align-items:center;gap:1rem;padding-top:.75rem;border-bottom:1px solid #d0d0d0}
h1{font-size:1.35rem;margin:.75rem 0}
a{color:#0b4f9c}
a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible,fieldset:focus-visible{outline:3px solid #0b4f9c;outline-offset:2px}
.languages{list-style:none;padding:0;margin:1rem 0;display:grid;gap:.5rem}
.languages a{display:block;min-height:3rem;padding:.75rem 1rem;border:2px solid #0b4f9c;border-radius:.5rem;text-decoration:none;font-size:1.1rem}
fieldset{border:0;margin:0 0 1.5rem;padding:0}
legend{font-size:1.15rem;font-weight:600;padding:0;margin-bottom:.5rem}
.progress{display:block;font-size:.9rem;font-weight:400;color:#4a4a4a}
.hint{margin:.25rem 0 .75rem;color:#4a4a4a;font-size:.95rem}
.option{display:flex;align-items:center;gap:.75rem;min-height:3rem;padding:.5rem .75rem;margin:.4rem 0;border:1px solid #8a8a8a;border-radius:.5rem;cursor:pointer}
.option input{width:1.5rem;height:1.5rem;margin:0;flex:none;accent-color:#0b4f9c}
.steps{display:grid;grid-template-columns:repeat(5,1fr);gap:.4rem}
.steps .option{justify-content:center;flex-direction:column;gap:.25rem;padding:.4rem 0}
textarea{width:100%;min-height:7rem;font:inherit;padding:.5rem;border:1px solid #6a6a6a;border-radius:.5rem}
.actions{display:flex;gap:.75rem;flex-wrap:wrap;margin:1rem 0 2rem}
button{font:inherit;font-weight:600;min-height:3rem;min-width:8rem;padding:.6rem 1.25rem;border-radius:.5rem;border:2px solid #0b4f9c;background:#0b4f9c;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b4f9c}
.notice{padding:.75rem 1rem;border-radius:.5rem;background:#eef4fb;border:1px solid #0b4f9c}
.notice:empty{display:none}
.message{margin:1.25rem 0}
.paged fieldset.question[hidden]{display:none}
`;

export const surveyJs = `(function(){
var form=document.getElementById('survey');if(!form||!window.fetch)return;
var key='stegvis-enkat:'+form.getAttribute('data-store');
var status=document.getElementById('status');
var texts=JSON.parse(form.getAttribute('data-texts'));
var questions=[].slice.call(form.querySelectorAll('fieldset.question'));
var send=form.querySelector('button[type=submit]');
function save(){var data={};[].forEach.call(form.elements,function(el){if(!el.name||el.type==='hidden')return;if((el.type==='radio'||el.type==='checkbox')){if(el.checked)(data[el.name]=data[el.name]||[]).push(el.value)}else if(el.value)data[el.name]=[el.value]});try{localStorage.setItem(key,JSON.stringify(data))}catch(e){}}
function restore(){var data;try{data=JSON.parse(localStorage.getItem(key)||'{}')}catch(e){data={}}[].forEach.call(form.elements,function(el){var v=data[el.name];if(!v)return;if(el.type==='radio'||el.type==='checkbox')el.checked=v.indexOf(el.value)>=0;else if(el.tagName==='TEXTAREA')el.value=v[0]})}
restore();form.addEventListener('change',save);form.addEventListener('input',save);
var at=0;form.classList.add('paged');
var nav=document.createElement('div');nav.className='actions';
var back=document.createElement('button');back.type='button';back.className='secondary';back.textContent=texts.previous;
var next=document.createElement('button');next.type='button';next.textContent=texts.next;
nav.appendChild(back);nav.appendChild(next);send.parentNode.insertBefore(nav,send);
function show(i,focus){at=i;questions.forEach(function(q,j){q.hidden=j!==i});back.hidden=i===0;var last=i===questions.length-1;next.hidden=last;send.hidden=!last;if(focus){questions[i].focus()}}
back.addEventListener('click',function(){show(at-1,true)});next.addEventListener('click',function(){show(at+1,true)});
questions.forEach(function(q){q.tabIndex=-1});show(0,false);
form.addEventListener('submit',function(ev){ev.preventDefault();status.textContent='';send.disabled=true;
fetch(form.action,{method:'POST',body:new URLSearchParams(new FormData(form)),headers:{'content-type':'application/x-www-form-urlencoded'}}).then(function(r){
if(r.ok&&r.redirected){try{localStorage.removeItem(key)}catch(e){}window.location.replace(r.url);return}
status.textContent=r.status===429?texts.tooMany:r.status===404?texts.invalidLink:texts.invalidAnswer;send.disabled=false;
}).catch(function(){status.textContent=texts.offline;send.disabled=false})});
})();`;
