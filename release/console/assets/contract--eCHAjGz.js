function r(t){return{returns(){return{...t,output:void 0}}}}export{r as d};
